#pragma once
/// @file strideload.hpp
/// Umbrella header: everything needed to analyse a runner's step and change its form.
///
/// Kept light (CI checks it compiles within 1.6× the time of <Eigen/Dense>). The heavier extras are
/// opt-in headers: comparison.hpp (compare() and its tables: it compiles the whole double-precision
/// pipeline into every file that includes it), autodiff.hpp, sensitivity.hpp, ranking.hpp and
/// io/opensim_storage.hpp.

#include "analysis.hpp"
#include "anthropometry.hpp"
#include "body_about_l5s1.hpp"
#include "body_model.hpp"
#include "body_pose.hpp"
#include "errors.hpp"
#include "form.hpp"
#include "form_change.hpp"
#include "lumbar_load.hpp"
#include "metric_table.hpp"
#include "metrics.hpp"
#include "multiversion.hpp"
#include "plausible_ranges.hpp"
#include "raised_cosine.hpp"
#include "runner.hpp"
#include "running_kinematics.hpp"
#include "sampled_body.hpp"
#include "sampled_lumbar_load.hpp"
#include "stance.hpp"
#include "step_series.hpp"
#include "surfaces.hpp"
#include "turning_direction.hpp"
#include "typical_form.hpp"
#include "units.hpp"
#include "version.hpp"
