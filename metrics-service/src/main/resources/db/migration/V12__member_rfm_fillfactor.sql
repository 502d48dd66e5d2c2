-- A recompute rewrites every row of member_rfm. With half of each page left free, the new version of a row whose
-- segment did not change fits on the row's own page (a HOT update): neither index gets an entry, and the dead versions
-- are pruned when the next recompute reaches the page. A full page instead sends every new version to another page
-- and adds it to both indexes. Rows already stored move to half-full pages as recomputes rewrite them.
ALTER TABLE member_rfm SET (fillfactor = 50);
