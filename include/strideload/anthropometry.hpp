#pragma once
/// @file anthropometry.hpp
/// Body-segment parameters of de Leva (1996), J Biomech 29:1223, Table 4 (adjusted
/// Zatsiorsky–Seluyanov data), for both sexes. The ground-contact model uses the foot; the
/// linked-segment body uses every row.

#include <array>
#include <cstddef>

namespace strideload {

/// Sex of the runner, which selects de Leva's male or female table.
enum class Sex { male, female };

/// The segments of de Leva's Table 4, in table order.
enum class Segment : std::size_t {
  head, trunk, upper_trunk, middle_trunk, lower_trunk, upper_arm, forearm, hand, thigh, shank,
  foot, count
};

/// One row of de Leva's Table 4.
struct SegmentRow {
  double mass_fraction;      ///< segment mass / body mass
  double com_fraction;       ///< CoM distance from the proximal endpoint / segment length
  double gyration_sagittal;  ///< sagittal radius of gyration / segment length
  double length_mm;          ///< mean segment length of de Leva's sample, mm
};

/// de Leva's reference statures, mm (male 1741, female 1735).
constexpr double de_leva_stature_mm(Sex sex) { return sex == Sex::male ? 1741.0 : 1735.0; }

/// de Leva (1996) Table 4 for one sex; percentages converted to fractions.
constexpr std::array<SegmentRow, static_cast<std::size_t>(Segment::count)> de_leva_table(Sex sex) {
  if (sex == Sex::male)
    return {{
        {0.0694, 0.5002, 0.303, 242.9},  // head (vertex–C7)
        {0.4346, 0.5138, 0.328, 603.3},  // trunk (C7–mid-hip)
        {0.1596, 0.5066, 0.505, 242.1},  // upper trunk (C7–xiphoid)
        {0.1633, 0.4502, 0.482, 215.5},  // middle trunk (xiphoid–omphalion)
        {0.1117, 0.6115, 0.615, 145.7},  // lower trunk (omphalion–mid-hip)
        {0.0271, 0.5772, 0.285, 281.7},  // upper arm
        {0.0162, 0.4574, 0.276, 268.9},  // forearm
        {0.0061, 0.7900, 0.628, 86.2},   // hand
        {0.1416, 0.4095, 0.329, 422.2},  // thigh
        {0.0433, 0.4459, 0.255, 434.0},  // shank
        {0.0137, 0.4415, 0.257, 258.1},  // foot (heel–toe tip)
    }};
  return {{
      {0.0668, 0.4841, 0.271, 243.7},
      {0.4257, 0.4964, 0.307, 614.8},
      {0.1545, 0.5050, 0.466, 228.0},
      {0.1465, 0.4512, 0.433, 205.3},
      {0.1247, 0.4920, 0.433, 181.5},
      {0.0255, 0.5754, 0.278, 275.1},
      {0.0138, 0.4559, 0.261, 264.3},
      {0.0056, 0.7474, 0.531, 78.0},
      {0.1478, 0.3612, 0.369, 368.5},
      {0.0481, 0.4416, 0.271, 432.3},
      {0.0129, 0.4014, 0.299, 228.3},
  }};
}

/// Row of de Leva's table for one segment.
constexpr SegmentRow de_leva(Sex sex, Segment s) {
  return de_leva_table(sex)[static_cast<std::size_t>(s)];
}

/// Segment length as a fraction of stature (de Leva's length over his reference stature);
/// scaling by stature is the usual way to apply the table to another body (de Leva 1996).
constexpr double length_fraction(Sex sex, Segment s) {
  return de_leva(sex, s).length_mm / de_leva_stature_mm(sex);
}

}  // namespace strideload
