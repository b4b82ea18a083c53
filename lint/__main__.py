"""`python -m lint` runs the healthlint command."""
from lint.cli import main

if __name__ == "__main__":
    main(prog_name="healthlint")
