"""``python -m hingecoach``: the same command as the installed ``hingecoach`` script."""

from hingecoach.cli.app import main

main()
