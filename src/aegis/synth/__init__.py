"""Deterministic synthetic FHIR R4 events (`aegis synth`): see docs/synthetic-data.md."""

from aegis.synth.generate import generate
from aegis.synth.options import SynthOptions, SynthSummary

__all__ = ["SynthOptions", "SynthSummary", "generate"]
