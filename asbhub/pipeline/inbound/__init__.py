"""Inbound: outcomes and disposal acks the partners send back, one file at a time.

`run` drives a night (`run_inbound`, one partner or all) as three phases: `fetch` takes the
complete files into the hub (registered, archived), `load` loads them from the archive and
`report` sends the rejection reports and tidies the outbox; `outbox` surveys a partner's outbox
and takes only complete files; `files` registers and closes each file; `rows` and
`acks` load outcome rows and disposal acks; `checks` recognises a file's contract and runs its
expectations; `job` is one file's work; `failures` is the per-file boundary (no file stops a
run); `status` holds the typed results and `asbhub inbound status`.
"""
