/**
 * Market read models (listings and points of sale) from market's events, for the programme's market targets:
 * producers in modern channels and one approved point of sale per province (OCOP.md §6).
 */
package vn.ocop.monitoring.market;
