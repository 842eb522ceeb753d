#include <doctest/doctest.h>
#include <strideload/lumbar_load.hpp>

#include <cmath>

using namespace strideload;
using Vec = Eigen::Vector2d;

namespace {
const auto runner = make_runner_model(Runner{});
const auto body = make_body_model(runner);

/// A pose with every segment at rest, upright, arms hanging: the static case.
BodyPose<double> static_pose(double lean, double sacral_slope) {
  BodyPose<double> p;
  p.l5s1.p = Vec(0, body.pelvis.length);
  for (int i = 0; i < body_segment_count; ++i) p.com[i].p = Vec(0, -0.5);  // legs below the hips
  auto up = [&](double along) -> Vec { return p.l5s1.p + along * Vec(std::sin(lean), std::cos(lean)); };
  p.com[static_cast<int>(BodySegment::trunk)].p = up(body.trunk.com);
  p.com[static_cast<int>(BodySegment::head)].p = up(body.trunk.length + body.head.com);
  for (BodySegment s : {BodySegment::near_upper_arm, BodySegment::far_upper_arm})
    p.com[static_cast<int>(s)].p = up(body.shoulder) - Vec(0, body.upper_arm.com);
  for (BodySegment s : {BodySegment::near_forearm, BodySegment::far_forearm})
    p.com[static_cast<int>(s)].p = up(body.shoulder) - Vec(0, body.upper_arm.length + body.forearm.com);
  p.com[static_cast<int>(BodySegment::pelvis)].p = Vec(0, body.pelvis.com);
  p.sacral_slope = sacral_slope;
  return p;
}
}  // namespace

TEST_CASE("lumbar load: static upright posture (closed form)") {
  const double ss = 40 * 3.14159265358979 / 180, lean = 5 * 3.14159265358979 / 180;
  const auto pose = static_pose(lean, ss);
  const auto l = lumbar_load(body, pose, Vec(Vec::Zero()), Vec(Vec::Zero()), Vec(Vec::Zero()));
  const double w = body.mass_above_l5s1 * standard_gravity;
  CHECK(l.force.y() == doctest::Approx(w));
  CHECK(l.force.x() == doctest::Approx(0.0).scale(1));
  // Moment = weight above × horizontal lever of its COM.
  double lever = 0;
  for (int i = 0; i < body_segment_count; ++i)
    if (above_l5s1(static_cast<BodySegment>(i)))
      lever += segment(body, static_cast<BodySegment>(i)).mass * (pose.com[i].p.x() - pose.l5s1.p.x());
  CHECK(l.moment == doctest::Approx(lever * standard_gravity));
  CHECK(l.moment > 0);  // leaning forward needs extension
  // Compression = weight resolved on the disc + the extensor's pull.
  const double muscle = l.moment / extensor_moment_arm;
  CHECK(l.compression == doctest::Approx(w * std::cos(ss) + muscle * std::cos(extensor_line_angle)));
  CHECK(l.ap_shear == doctest::Approx(w * std::sin(ss) - muscle * std::sin(extensor_line_angle)));
}

TEST_CASE("lumbar load: in free fall every joint load vanishes") {
  auto pose = static_pose(0.1, 0.7);
  const auto l = lumbar_load(body, pose, Vec(0, -standard_gravity), Vec(Vec::Zero()), Vec(Vec::Zero()));
  CHECK(l.force.norm() == doctest::Approx(0.0).scale(1));
  CHECK(l.moment == doctest::Approx(0.0).scale(1));
  CHECK(l.compression == doctest::Approx(0.0).scale(1));
  CHECK(l.moment_bottom_up == doctest::Approx(0.0).scale(1));
}

TEST_CASE("lumbar load: a swinging trunk needs I·α + m·(lever × acceleration)") {
  // Only the trunk accelerates angularly; all else at rest, gravity off by free-falling hips.
  auto pose = static_pose(0.0, 0.7);
  const int trunk = static_cast<int>(BodySegment::trunk);
  const double alpha = 3.0;  // rad/s², counter-clockwise (extending)
  pose.angle[trunk].qdd = alpha;
  const Vec r = pose.com[trunk].p - pose.l5s1.p;
  pose.com[trunk].a = alpha * Vec(-r.y(), r.x());  // tangential acceleration of its COM
  const auto l = lumbar_load(body, pose, Vec(0, -standard_gravity), Vec(Vec::Zero()), Vec(Vec::Zero()));
  CHECK(l.moment == doctest::Approx((body.trunk.inertia + body.trunk.mass * r.squaredNorm()) * alpha));
}

TEST_CASE("lumbar load: flexion moments go to the abdominal wall") {
  const auto pose = static_pose(-0.2, 0.7);  // leaning back: a flexion moment
  const auto l = lumbar_load(body, pose, Vec(Vec::Zero()), Vec(Vec::Zero()), Vec(Vec::Zero()));
  CHECK(l.moment < 0);
  CHECK(l.extensor_force == 0.0);
  CHECK(l.abdominal_force == doctest::Approx(-l.moment / abdominal_moment_arm));
}

TEST_CASE("lumbar load: top-down and bottom-up agree on a dynamically consistent motion") {
  // Any pose and hip acceleration; the ground then supplies exactly the force and moment the
  // segments need: GRF = Σ m·(a − g), applied where its moment about L5/S1 matches theirs.
  const auto form = resolve_form(runner, Form{});
  for (double t : {0.0, 0.07, 0.13, 0.21, 0.33}) {
    const auto pose = body_pose(body, form, t);
    const Vec hips(0.8 * std::sin(40 * t), -3.0 + 20 * t);
    Vec grf = Vec::Zero();
    double moment = 0;  // about L5/S1
    for (int i = 0; i < body_segment_count; ++i) {
      const auto& seg = segment(body, static_cast<BodySegment>(i));
      const Vec f = seg.mass * (hips + pose.com[i].a - Vec(0, -standard_gravity));
      grf += f;
      moment += seg.inertia * pose.angle[i].qdd + cross(Vec(pose.com[i].p - pose.l5s1.p), f);
    }
    // A point at ground level below the hips whose moment arm gives that moment.
    const double ground = -0.9;
    const double x = pose.l5s1.p.x() + (moment + (ground - pose.l5s1.p.y()) * grf.x()) / grf.y();
    const auto l = lumbar_load(body, pose, hips, Vec(x, ground), grf);
    CAPTURE(t);
    CHECK(std::abs(l.moment - l.moment_bottom_up) < 1e-9 * std::max(1.0, std::abs(l.moment)));
  }
}

TEST_CASE("lumbar load: from the body's sums about L5/S1, the same as from the pose") {
  const auto form = resolve_form(runner, Form{});
  const Vec com_acceleration(1.5, 9.0), grf(150.0, 1800.0), cop_from_com(0.05, -0.95);
  for (double t : {0.03, 0.1, 0.3}) {
    const auto pose = body_pose(body, form, t);
    const Vec hips = com_acceleration - pose.body_com.a;
    const auto a = lumbar_load(body, pose, hips, Vec(cop_from_com + pose.body_com.p), grf);
    const auto b = lumbar_load(body, about_l5s1(body, pose), com_acceleration, cop_from_com, grf);
    CAPTURE(t);
    CHECK(b.force.x() == doctest::Approx(a.force.x()).epsilon(1e-12));
    CHECK(b.force.y() == doctest::Approx(a.force.y()).epsilon(1e-12));
    CHECK(b.moment == doctest::Approx(a.moment).epsilon(1e-12));
    CHECK(b.moment_bottom_up == doctest::Approx(a.moment_bottom_up).epsilon(1e-12));
    CHECK(b.compression == doctest::Approx(a.compression).epsilon(1e-12));
    CHECK(b.ap_shear == doctest::Approx(a.ap_shear).epsilon(1e-12));
  }
}
