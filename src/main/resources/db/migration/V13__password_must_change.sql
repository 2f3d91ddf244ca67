-- A password the user did not choose (the generated first administrator's, or one an administrator reset)
-- must be changed at the next sign-in; until then the portal opens only the password change page.
alter table app_user add column password_must_change boolean not null default false;
