"""`python -m lint` runs the healthlint command."""
from lint.cli import console_main

if __name__ == "__main__":
    console_main()
