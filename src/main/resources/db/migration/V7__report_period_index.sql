-- Lets a dashboard list the periods reported in a region's subtree by skipping through the few distinct
-- periods instead of reading every report (see RegionFigures.periods).
create index report_period_ix on report (period_end, period_start);
