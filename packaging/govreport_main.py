"""Entry point of the frozen app: the same as the `govreport` console script.

No arguments open the wizard; arguments run the command line (build, new, fonts, ...).
"""
import sys

from govreport.cli import main

if __name__ == "__main__":
    sys.exit(main())
