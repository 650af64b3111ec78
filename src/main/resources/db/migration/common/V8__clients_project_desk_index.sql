-- The list filtered by project and desk together (a desk working one brand) in the list's order,
-- without reading every client of the project to find those of the desk.
create index clients_project_desk_created_idx on clients (project_id, desk_id, created desc, id desc);
