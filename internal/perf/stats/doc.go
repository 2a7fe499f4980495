// Package stats summarises measurements: order statistics of repeated
// timings, and the growth exponent of a cost over problem sizes — the slope b
// of log(cost) = a + b·log(n), fitted by least squares, with a Student-t
// confidence interval — which is how hypergen states how it scales.
package stats
