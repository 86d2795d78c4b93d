"""The hub's Airflow layer: a DAG factory over the partner files and the callables its tasks run.

Everything here is imported when the DAG processor parses `dags/`, so it stays light: pipeline
steps (and through them presidio, spaCy, Great Expectations, boto3, paramiko) load inside tasks.
"""

# Named here, without importing Airflow, for callers outside it (the demo runs it by name).
URGENT_DAG_ID = "urgent_referrals"
