"""Printouts in the web app: coaching cards (HTML and PDF), an athlete's session sheet and
today's cards, and the ladder poster. The pages and PDFs come from ``hingecoach.printing``,
the same templates the CLI prints with."""
