"""The ``hingecoach`` command: a thin adapter over the core (typer for parsing, rich for people).

Modules, each named for what it holds:

- ``app``: the entry point, ``main()`` and ``run()``; it imports nothing heavy.
- ``startup``: the garbage collector, paused while the command starts.
- ``root``: the typer app, its global options and the commands built on first use.
- ``errors``: the one top-level handler that turns bad input into one line and exit 2.
- ``inputs``: reading a CASE (file or standard input) and choosing the catalog.
- ``options``: options shared by several commands (``--json``, ``--units``, ``--weeks``).
- ``json_output``: the contract's JSON, exactly as the core returns it.
- ``units``: kilograms and pounds for the human view.
- ``render``, ``render_block``, ``render_catalog``: rich views for people.
- ``advice``, ``catalog_commands``, ``schema_command``, ``ladder_command``: the commands.
"""
