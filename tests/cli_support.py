"""Running the command line in-process, as the CLI tests do."""
from govreport.cli import main


def run(capsys, *args):
    """(exit code, stdout, stderr) of `govreport ARGS`; argparse's SystemExit becomes a code."""
    try:
        code = main(list(args))
    except SystemExit as e:       # argparse usage errors and --help
        code = e.code
    out = capsys.readouterr()
    return code, out.out, out.err
