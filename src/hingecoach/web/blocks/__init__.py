"""Training blocks in the app: a coach assigns the engine's block of N weeks to an athlete,
follows it week by week (this week's session, run in gym mode), sees it step back after a
failed re-test or a pain flare, and prints it. The block is stored as the engine built it
on the day, so later catalog edits do not rewrite it."""
