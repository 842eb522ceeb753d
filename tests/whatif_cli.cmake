# Runs the whatif program end to end (ctest -R whatif_cli).
function(run_whatif expected_status)
  execute_process(COMMAND ${WHATIF} ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL expected_status)
    message(FATAL_ERROR "whatif ${ARGN}: status ${status}, expected ${expected_status}\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

run_whatif(0 --json --vs cadence=+10% --vs strike=forefoot --vs surface=grass --series ${WORKDIR}/series.csv)
string(JSON n LENGTH "${out}" variants)
if(NOT n EQUAL 3)
  message(FATAL_ERROR "expected 3 variants, got ${n}")
endif()
foreach(key peak_compression_bw peak_compression_n peak_ap_shear_bw peak_extension_moment_nm_per_kg
            compression_loading_rate_bw_per_s compression_impulse_bw_s_per_step
            cumulative_compression_bw_s_per_km residual_moment_nm_per_kg peak_vgrf_bw impact_peak_bw vgrf_loading_rate_bw_per_s contact_time_s flight_time_s
            com_vertical_excursion_m leg_stiffness_kn_per_m vertical_stiffness_kn_per_m
            braking_impulse_bw_s step_length_m steps_per_km)
  string(JSON t TYPE "${out}" baseline metrics ${key})
  string(JSON d TYPE "${out}" variants 0 delta_pct ${key})
endforeach()
foreach(key speed_m_per_s cadence_spm stride_length_m strike landing_m pelvic_tilt_deg
            trunk_lean_deg surface_stiffness_kn_per_m shoe_stiffness_kn_per_m)
  string(JSON t TYPE "${out}" baseline form ${key})
endforeach()
if(out MATCHES "nan|inf")
  message(FATAL_ERROR "output holds NaN or inf")
endif()
file(STRINGS ${WORKDIR}/series.csv rows)
list(GET rows 0 header)
if(NOT header MATCHES "^case,time_s,vgrf_bw,hgrf_bw,compression_bw,ap_shear_bw,extension_moment_nm_per_kg")
  message(FATAL_ERROR "bad series header: ${header}")
endif()
list(LENGTH rows nrows)
if(nrows LESS 1400)
  message(FATAL_ERROR "series has ${nrows} rows; expected four cases of about 360 samples")
endif()

run_whatif(0)
if(NOT out MATCHES "cadence=\\+10%" OR NOT out MATCHES "surface=grass" OR NOT out MATCHES "model predictions")
  message(FATAL_ERROR "no-option demo table missing:\n${out}")
endif()

# --hold landing keeps the landing; without it, +10 % cadence brings it closer (Lieberman 2015).
run_whatif(0 --json --vs cadence=+10%)
string(JSON moved_landing GET "${out}" variants 0 delta_pct landing_m)
if(NOT moved_landing LESS -8 OR NOT moved_landing GREATER -12)
  message(FATAL_ERROR "cadence +10% moved the landing by ${moved_landing} %, expected about -9.8 %")
endif()
run_whatif(0 --json --vs cadence=+10% --hold landing)
string(JSON held_landing GET "${out}" variants 0 delta_pct landing_m)
if(NOT held_landing EQUAL 0)
  message(FATAL_ERROR "--hold landing moved the landing by ${held_landing} %")
endif()

# --plot writes a PNG (gnuplot-nox, installed by .ci/install-deps).
file(REMOVE ${WORKDIR}/plot.png)
run_whatif(0 --vs cadence=+10% --plot ${WORKDIR}/plot.png)
file(READ ${WORKDIR}/plot.png png_head LIMIT 4 HEX)
if(NOT png_head STREQUAL "89504e47")
  message(FATAL_ERROR "--plot did not write a PNG")
endif()

foreach(bad "--speed;nan" "--speed;99" "--cadence;abc" "--strike;heel" "--frobnicate" "--hold;shoe"
            "--speed;3;--cadence;180;--stride-length;3" "--vs;cadence" "--surface;-5"
            "--landing;0.55;--cadence;200")
  run_whatif(2 ${bad})
  string(REGEX MATCHALL "\n" lines "${err}")
  list(LENGTH lines nlines)
  if(NOT nlines EQUAL 1 OR NOT err MATCHES "^whatif: [a-z-]+ = ")
    message(FATAL_ERROR "whatif ${bad}: expected one line naming the option, got: ${err}")
  endif()
endforeach()
