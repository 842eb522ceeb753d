# Model vs measured curves for Hamner & Delp 2013 subject 1 at 3 m/s.
# build/examples/validation_curves tests/data/hamner-s01-run300-stance.csv > /tmp/curves.dat
# gnuplot -e "data='/tmp/curves.dat'" docs/plot_validation.gp
set terminal pngcairo size 1000,420 font ",11"
set output 'docs/images/validation-hamner-s01.png'
set multiplot layout 1,2
set xlabel '% of stance (vGRF > 50 N)'
set grid
set key top right
set title 'L5/S1 extension moment'
set ylabel 'N·m/kg'
plot data using 1:($2-$3):($2+$3) with filledcurves lc rgb '#cfd8e8' title 'measured ± SD', \
     data using 1:2 with lines lw 2 lc rgb '#1f4e9a' title 'measured (mean of 5)', \
     data using 1:4 with lines lw 2 lc rgb '#c0392b' title 'strideload'
set title 'Vertical ground reaction force'
set ylabel 'BW'
plot data using 1:5 with lines lw 2 lc rgb '#1f4e9a' title 'measured', \
     data using 1:6 with lines lw 2 lc rgb '#c0392b' title 'strideload'
unset multiplot
