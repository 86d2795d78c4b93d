"""The warning a DAG test gives when a task succeeded only on a retry (see conftest.dags_test):
shown in the run's summary, never an error, so a flaky first try is seen without failing CI."""


class TaskRetried(UserWarning):
    """A task of a real DAG run needed more than one try."""
