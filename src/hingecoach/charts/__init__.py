"""Charts drawn from the core's catalog and answers (matplotlib, Agg backend, no network).

- ``layout``: where each exercise sits (pure geometry, no drawing).
- ``marks``: one athlete's position: mastered, today's options, avoided, stage.
- ``ladder``: the figure and ``draw_ladder``; ``frame``, ``boxes`` and ``legend`` draw its parts.
- ``style``: sizes, colours and line styles.
- ``dates``: a date axis in words a coach reads ("2 Nov", "Sep 2026"), for history charts.
"""
