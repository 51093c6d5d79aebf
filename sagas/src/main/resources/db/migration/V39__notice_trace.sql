-- The trace a notice belongs to (W3C traceparent of the event handling that recorded it): each delivery attempt is
-- a span in that trace, and the webhook request carries it, so a write can be followed to the integrators it told.
alter table notice add column traceparent varchar(55);
