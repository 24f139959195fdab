"""One module per thing a user does to the diary (log a session, check in, add a run,
store a profile, swap, record a screen, accept a review, edit, delete, undo).

The CLI, the web pages and the API call these; they hold no policy of their own. Each
flow reads, decides and writes in one write transaction (`base.change`), checks the
diary version a form was opened at, and keeps what it changed in the change log so that
`undo` restores it exactly. The shared policies live here once: the first day not yet
lived (`lived`), athlete identity (`identity`), what the diary owns across profile
versions (`profile`), and idempotency keys (`log_session`).
"""
