"""``python -m analyzer`` runs the kiji command line."""

from analyzer.cli import main

main()
