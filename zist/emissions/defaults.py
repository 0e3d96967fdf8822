"""The emission factors shipped with Zist (IPCC 2006 defaults, CO₂, net calorific
value basis; see docs/../shared DOMAIN facts). The calorific values and densities that
turn volumes into energy are data too, with their source, never hidden constants."""

IPCC = "IPCC 2006 Guidelines, Vol. 2 Energy, Ch. 1 Table 1.2–1.4 (CO₂, NCV basis)"

DEFAULT_FACTORS = [
    # carrier, kg CO₂ per TJ, conversion from the meter's usual unit, source of conversion
    ("natural_gas", "56100", "36 MJ/m³", "natural gas at 36 MJ/m³ (check your supplier's)"),
    ("diesel", "74100", "0.84 kg/L * 43 MJ/kg", "density 0.84 kg/L, NCV 43.0 TJ/Gg (IPCC)"),
    ("heating_oil", "74100", "0.84 kg/L * 43 MJ/kg", "gas/diesel oil: 0.84 kg/L, 43.0 TJ/Gg"),
    ("petrol", "69300", "0.74 kg/L * 44.3 MJ/kg", "density 0.74 kg/L, NCV 44.3 TJ/Gg (IPCC)"),
    ("lpg", "63100", "47.3 MJ/kg", "NCV 47.3 TJ/Gg (IPCC)"),
]


def load_defaults(EmissionFactor) -> int:
    """Create the shipped factors that are missing; returns how many were created."""
    created = 0
    for carrier, value, conversion, note in DEFAULT_FACTORS:
        _obj, made = EmissionFactor.objects.get_or_create(
            unit=None,
            carrier=carrier,
            gas="co2",
            region="",
            valid_from=2006,
            defaults={
                "value": value,
                "factor_unit": "kg/TJ",
                "conversion": conversion,
                "source": f"{IPCC}; {note}",
            },
        )
        created += made
    return created
