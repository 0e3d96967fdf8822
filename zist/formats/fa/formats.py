# Gregorian dates for a Persian-language user who chose the Gregorian calendar.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "Y/m/d"
SHORT_DATETIME_FORMAT = "Y/m/d H:i"
DATETIME_FORMAT = "j F Y H:i"
DATE_INPUT_FORMATS = ["%Y/%m/%d", "%Y-%m-%d"]
FIRST_DAY_OF_WEEK = 6
