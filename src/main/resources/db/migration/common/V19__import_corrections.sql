-- An import of a corrected file: the failed import (or check) whose rows were corrected or dropped in
-- the browser or through the API, and whose other rows it kept.
alter table imports add column corrected_from char(24);
