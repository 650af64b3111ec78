-- The order of an import file's numeric dates (04/03/2024) as the upload declared it:
-- DMY, MDY or YMD; null when none was declared. A commit of a dry run reuses it.
alter table imports add column date_format varchar(3);
alter table imports add constraint imports_date_format_known check (date_format in ('DMY', 'MDY', 'YMD'));
