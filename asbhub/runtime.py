"""One hub instance for a run: settings, store, partners and keys, each loaded when first used."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from asbhub.ledger import LedgerKey, load_key
from asbhub.minimise.keys import PseudonymKeys
from asbhub.minimise.narratives import NarrativeRedactor
from asbhub.partners import PartnerConfig, get_partner, load_partners
from asbhub.private import secure_home
from asbhub.settings import Settings
from asbhub.store.engine import Store, require_schema


@dataclass
class Hub:
    """What a pipeline step needs; the CLI and the DAG tasks build one per run."""

    settings: Settings
    actor: str = "asbhub"
    _store: Store | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        # Personal data lands in the home from the first write: owner-only umask, private home.
        secure_home(self.settings.home, self.settings.database_url)

    @cached_property
    def store(self) -> Store:
        store = self._store or Store(self.settings.database_url)
        require_schema(store.engine)
        return store

    @cached_property
    def partners(self) -> list[PartnerConfig]:
        return load_partners(self.settings.partners_dir)

    def partner(self, partner_id: str) -> PartnerConfig:
        return get_partner(self.partners, partner_id)

    @cached_property
    def ledger_key(self) -> LedgerKey:
        return load_key()

    @cached_property
    def redactions(self) -> NarrativeRedactor:
        return NarrativeRedactor()

    @cached_property
    def pseudonym_keys(self) -> PseudonymKeys:
        return PseudonymKeys.from_environment()

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.dispose()
