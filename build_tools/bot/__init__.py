"""The organisation's Telegram chatbot, served from the same validated data as the site.

``catalogue`` loads the data as the build does; ``conversation`` decides what to answer
(plain Python, no Telegram); ``cards`` writes the messages; ``memory`` is the only state,
in memory and short-lived; ``app`` wires it to Telegram with aiogram; ``command`` is
``python -m build_tools bot``; ``standin`` is a small Bot API server for tests and the bench.
"""
