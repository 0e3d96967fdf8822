"""The requirement libraries that ship with Zist.

Clause numbers follow the standards; titles and questions are our own short wording
(the standards' text is copyrighted and not reproduced). Strings are marked for
translation and translated at display time.
"""

from django.utils.translation import gettext_noop as _

ISO14001 = {
    "code": "iso14001-2015",
    "name": _("ISO 14001:2015 environmental management system"),
    "clauses": [
        ("4", _("Context of the organisation"), ""),
        (
            "4.1",
            _("Internal and external issues"),
            _(
                "Which internal and external issues affect the environmental management system, and when were they last reviewed?"
            ),
        ),
        (
            "4.2",
            _("Interested parties and their needs"),
            _(
                "Who are the relevant interested parties, what do they expect, and which expectations became obligations?"
            ),
        ),
        (
            "4.3",
            _("Scope of the system"),
            _(
                "Is the scope written down, available to interested parties, and does it cover every activity that can affect the environment?"
            ),
        ),
        (
            "4.4",
            _("The management system and its processes"),
            _(
                "Are the processes of the system set up, kept and improved, and do they work together?"
            ),
        ),
        ("5", _("Leadership"), ""),
        (
            "5.1",
            _("Top management's commitment"),
            _(
                "How does top management show that it takes responsibility for the system and gives it resources?"
            ),
        ),
        (
            "5.2",
            _("Environmental policy"),
            _(
                "Does the policy commit to protecting the environment, meeting obligations and improving, and do people know it?"
            ),
        ),
        (
            "5.3",
            _("Roles, responsibilities and authorities"),
            _(
                "Are responsibilities for the system assigned, communicated and understood, including reporting to management?"
            ),
        ),
        ("6", _("Planning"), ""),
        ("6.1", _("Actions to address risks and opportunities"), ""),
        (
            "6.1.1",
            _("Risks and opportunities"),
            _(
                "Which risks and opportunities were found, including possible emergencies, and how are they kept up to date?"
            ),
        ),
        (
            "6.1.2",
            _("Environmental aspects"),
            _(
                "Are aspects and impacts identified over the life cycle, and are significant aspects decided with set criteria?"
            ),
        ),
        (
            "6.1.3",
            _("Compliance obligations"),
            _(
                "Are legal and other obligations identified, accessible, and applied to the aspects?"
            ),
        ),
        (
            "6.1.4",
            _("Planning action"),
            _(
                "Are actions planned for significant aspects, obligations and risks, and is their effectiveness evaluated?"
            ),
        ),
        ("6.2", _("Environmental objectives"), ""),
        (
            "6.2.1",
            _("Objectives"),
            _(
                "Are measurable objectives set at relevant levels, consistent with the policy, monitored and updated?"
            ),
        ),
        (
            "6.2.2",
            _("Plans to achieve objectives"),
            _(
                "For each objective: what will be done, with which resources, by whom, by when, and how is the result measured?"
            ),
        ),
        ("7", _("Support"), ""),
        (
            "7.1",
            _("Resources"),
            _("Are the people, money, infrastructure and technology the system needs available?"),
        ),
        (
            "7.2",
            _("Competence"),
            _(
                "Are the people whose work affects the environment competent, and is training recorded and evaluated?"
            ),
        ),
        (
            "7.3",
            _("Awareness"),
            _(
                "Do people know the policy, the significant aspects of their work, and what happens if they do not follow the system?"
            ),
        ),
        ("7.4", _("Communication"), ""),
        (
            "7.4.1",
            _("Communication processes"),
            _("What is communicated, when, to whom and how, internally and externally?"),
        ),
        (
            "7.4.2",
            _("Internal communication"),
            _(
                "Is information about the system shared between levels, and can staff suggest improvements?"
            ),
        ),
        (
            "7.4.3",
            _("External communication"),
            _(
                "Is external communication done as planned and required by obligations, and are incoming messages answered?"
            ),
        ),
        ("7.5", _("Documented information"), ""),
        (
            "7.5.1",
            _("Documents and records needed"),
            _("Does the system have the documents and records it needs to be effective?"),
        ),
        (
            "7.5.2",
            _("Creating and updating documents"),
            _("Are documents identified, reviewed and approved before use?"),
        ),
        (
            "7.5.3",
            _("Control of documents and records"),
            _(
                "Are current versions available where needed, protected, and obsolete ones withdrawn?"
            ),
        ),
        ("8", _("Operation"), ""),
        (
            "8.1",
            _("Operational planning and control"),
            _(
                "Are controls set for operations linked to significant aspects, including contractors, purchasing and the life cycle?"
            ),
        ),
        (
            "8.2",
            _("Emergency preparedness and response"),
            _(
                "Are potential emergencies planned for, responses tested, and plans reviewed after tests and incidents?"
            ),
        ),
        ("9", _("Performance evaluation"), ""),
        ("9.1", _("Monitoring, measurement, analysis and evaluation"), ""),
        (
            "9.1.1",
            _("Monitoring and measurement"),
            _(
                "What is monitored and measured, with which methods and calibrated equipment, and how are results evaluated?"
            ),
        ),
        (
            "9.1.2",
            _("Evaluation of compliance"),
            _(
                "Is compliance with each obligation evaluated at planned intervals, and are results recorded and acted on?"
            ),
        ),
        ("9.2", _("Internal audit"), ""),
        (
            "9.2.1",
            _("Internal audits"),
            _(
                "Are internal audits carried out at planned intervals to check that the system conforms and works?"
            ),
        ),
        (
            "9.2.2",
            _("Audit programme"),
            _(
                "Does the audit programme take importance, changes and previous results into account, with objective auditors?"
            ),
        ),
        (
            "9.3",
            _("Management review"),
            _(
                "Does top management review the system at planned intervals with every required input, and are decisions followed up?"
            ),
        ),
        ("10", _("Improvement"), ""),
        (
            "10.1",
            _("Improvement in general"),
            _("How are opportunities for improvement found and acted on?"),
        ),
        (
            "10.2",
            _("Nonconformity and corrective action"),
            _(
                "Are nonconformities corrected, their causes analysed and removed, and the effectiveness of actions checked?"
            ),
        ),
        (
            "10.3",
            _("Continual improvement"),
            _("Does environmental performance improve over time, and how is that shown?"),
        ),
    ],
}

EMAS = {
    "code": "emas",
    "name": _("EMAS: requirements beyond ISO 14001"),
    "clauses": [
        (
            "I",
            _("Environmental review"),
            _(
                "Has an environmental review of all aspects, obligations and practices been made and kept up to date?"
            ),
        ),
        (
            "II.A",
            _("Legal compliance"),
            _("Can the organisation show full compliance with environmental law, with evidence?"),
        ),
        (
            "II.B",
            _("Environmental performance"),
            _("Do the core indicators show improving performance against the objectives?"),
        ),
        (
            "II.C",
            _("Employee involvement"),
            _(
                "Are employees and their representatives involved in improving environmental performance?"
            ),
        ),
        (
            "II.D",
            _("Open dialogue with the public"),
            _(
                "Does the organisation communicate openly with the public and other interested parties?"
            ),
        ),
        (
            "IV",
            _("Environmental statement"),
            _(
                "Is the environmental statement complete, validated and published with the core indicators?"
            ),
        ),
    ],
}

LIBRARIES = [ISO14001, EMAS]
