"""The wizard's pages; each builds its widgets on first visit and reads the presenter on every visit."""

# The wizard's page ids (QWizard walks them in this order; a section page is ID_SECTION0 + n).
ID_START, ID_BASIC, ID_FIGURES = 0, 1, 2
ID_SECTION0 = 10
ID_CHECK, ID_GENERATE = 90, 100
