"""Pure numpy MCDA methods on a candidates x criteria matrix: no I/O, no printing."""

from partnerfit.mcda.promethee import Preference, PreferenceKind, PrometheeResult, promethee2
from partnerfit.mcda.topsis import TopsisResult, topsis
from partnerfit.mcda.vikor import VikorResult, vikor
from partnerfit.mcda.wpm import wpm, wpm_log10
from partnerfit.mcda.wsum import Normalisation, weighted_sum

__all__ = [
    "Normalisation",
    "Preference",
    "PreferenceKind",
    "PrometheeResult",
    "TopsisResult",
    "VikorResult",
    "promethee2",
    "topsis",
    "vikor",
    "weighted_sum",
    "wpm",
    "wpm_log10",
]
