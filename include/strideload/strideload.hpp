#pragma once
/// @file strideload.hpp
/// Umbrella header: everything needed to analyse a runner's step.

#include "analysis.hpp"
#include "anthropometry.hpp"
#include "body_model.hpp"
#include "body_pose.hpp"
#include "errors.hpp"
#include "form.hpp"
#include "lumbar_load.hpp"
#include "metrics.hpp"
#include "plausible_ranges.hpp"
#include "raised_cosine.hpp"
#include "runner.hpp"
#include "running_kinematics.hpp"
#include "stance.hpp"
#include "step_series.hpp"
#include "surfaces.hpp"
#include "typical_form.hpp"
#include "units.hpp"
#include "version.hpp"
