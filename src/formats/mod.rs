//! Interchange formats, one module per format. Each module's doc says which offset unit the format uses.
//! FIXME(formats helper): sift-annotations v1 reader/writer with validation, then the other formats.
