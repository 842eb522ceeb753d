# Peak vGRF and contact time against speed: the model (70 kg, typical form) against Hamner &
# Delp's ten runners (docs/data/hamner2013_stance_timing.csv, mean ± SD at 2–5 m/s; the 20 N
# contact at 2 m/s from the three files that can be timed).
# for v in 2.0 2.2 2.4 2.6 2.8 3.0 3.2 3.4 3.6 3.8 4.0 4.2 4.4 4.6 4.8 5.0 5.2 5.4 5.6; do
#   build/examples/whatif --json --speed $v | python3 -c "import json,sys; m=json.load(sys.stdin)['baseline']['metrics']; print($v, m['peak_vgrf_bw'], m['contact_time_s'])"
# done > /tmp/speed.dat
# gnuplot -e "model='/tmp/speed.dat'" docs/plot_speed.gp
set terminal pngcairo size 1000,420 font ",11"
set output 'docs/images/validation-speed.png'
set datafile separator whitespace
set multiplot layout 1,2
set xlabel 'speed (m/s)'
set grid
set key bottom right
set xrange [1.8:5.8]
set title 'Peak vertical GRF'
set ylabel 'BW'
set yrange [1.8:3.4]
plot model using 1:2 with lines lw 2 lc rgb '#c0392b' title 'strideload (70 kg, typical form)', \
     '-' using 1:2:3 with yerrorbars pt 7 lc rgb '#1f4e9a' title 'Hamner and Delp 2013, ten runners (mean ± SD)'
2 2.10 0.21
3 2.40 0.21
4 2.56 0.21
5 2.61 0.26
e
set title 'Contact time (20 N threshold)'
set ylabel 's'
set yrange [0.15:0.43]
set key top right
plot model using 1:3 with lines lw 2 lc rgb '#c0392b' title 'strideload', \
     '-' using 1:2:3 with yerrorbars pt 7 lc rgb '#1f4e9a' title 'Hamner and Delp 2013, ten runners', \
     '-' using 1:2 with points pt 5 ps 1.3 lc rgb '#2e8b57' title 'van Oeveren et al. 2021 (review figures)'
2 0.342 0.021
3 0.281 0.022
4 0.250 0.019
5 0.223 0.015
e
2.2 0.34
5.6 0.18
e
unset multiplot
