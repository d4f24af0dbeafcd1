"""Helpers more than one web app uses: a service's refusal shown on its form
(``forms``), how pages show loads, names and reasons (``display``), the exercise ladder's
layout (``ladder``) and a request rate limit (``ratelimit``). No models, no views."""
