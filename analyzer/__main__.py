"""``python -m analyzer`` runs the kiji command line."""

from analyzer.launch import main

main()
