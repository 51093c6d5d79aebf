-- Integrator secrets are stored sealed (AES-GCM, enc:v1:<key id>:<base64>), longer than the secret in clear. The
-- rows already there are sealed by the application at start-up, which needs the key Flyway does not have.
alter table integrator_secret alter column secret set data type varchar(300);
