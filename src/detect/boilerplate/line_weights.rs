//! Weights of the line model ([`super::line_model`]), written by `scripts/train_boilerplate.py`; do not edit.

/// Intercept.
pub const BIAS: f64 = 0.045314;
/// One weight per feature, in [`super::line_model::features`] order.
pub const WEIGHTS: [f64; super::line_model::FEATURES] = [
    -5.991445, 2.513080, 0.211669, 0.529882, 3.991433, -0.963125, -0.328620, 1.292259, -2.497025, 2.031509, 0.748898,
    0.599623, -0.414462, 0.319418, -0.912460, -0.939137, 1.790557, 0.504515, -1.000460, -0.663902, 0.709430, -0.119007,
    1.244266, -0.970343, 0.489879, 1.590356, 1.704336, -1.529649, -1.298740, -1.530405, 1.570338, -1.354390, 2.524613,
    1.248090, 2.408496,
];
