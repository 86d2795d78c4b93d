"""The Airflow plugin: mounts the audit view at /asbhub and links it from the UI's navigation."""

from __future__ import annotations

from typing import Any

from airflow.plugins_manager import AirflowPlugin

URL_PREFIX = "/asbhub"


class LazyAuditApp:
    """An ASGI app that builds the audit view on its first request, so that the scheduler and
    workers, which load plugins too, never import the web stack."""

    def __init__(self) -> None:
        self._app: Any = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if self._app is None:
            from asbhub.web.app import airflow_app

            self._app = airflow_app()
        await self._app(scope, receive, send)


class AsbhubPlugin(AirflowPlugin):
    name = "asbhub"
    fastapi_apps: list[Any] = [  # noqa: RUF012 (declared so by AirflowPlugin)
        {"app": LazyAuditApp(), "url_prefix": URL_PREFIX, "name": "ASB hub audit view"},
    ]
    # Airflow 3's replacement for appbuilder_menu_items: a navigation entry that shows the
    # view inside the UI (url_route) under Browse.
    external_views: list[Any] = [  # noqa: RUF012 (declared so by AirflowPlugin)
        {
            "name": "ASB audit",
            "href": f"{URL_PREFIX}/",
            "destination": "nav",
            "category": "browse",
            "url_route": "asbhub-audit",
        },
    ]
