// The unit-test builder replaces this entry with the spec files; it only has to exist.
