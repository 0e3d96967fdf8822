"""Domain logic of the crisis master plan. `ahp`, `delphi`, `scoring` and `cascade` are
pure functions tested against worked examples; the other modules read the database and
call them."""
