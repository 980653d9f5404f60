-- A campaign whose audience is a CSV uploaded for it: the file goes through the contacts import (its consent basis,
-- limits and row-by-row report), every imported row is tagged for this campaign, and the campaign is not launched
-- before that import has completed.
alter table campaigns add column audience_import_id uuid references contact_imports (id) on delete set null;
