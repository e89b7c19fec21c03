//! Several files as one zip archive (stored, uncompressed): how the app hands over a multi-file export (brat's
//! `.txt`/`.ann` pairs, W3C's annotations and texts) as one download.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::{Error, ErrorKind};

/// The files `(name, content)` as the bytes of one zip archive, in order. Names are kept as given (UTF-8,
/// flagged as such in the archive).
pub fn zip(files: &[(String, String)]) -> Result<Vec<u8>, Error> {
    let fail = |e: &dyn std::fmt::Display| Error::new(ErrorKind::Invalid, format!("could not build the archive: {e}"));
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Stored).large_file(false);
    for (name, content) in files {
        w.start_file(name.as_str(), opts).map_err(|e| fail(&e))?;
        w.write_all(content.as_bytes()).map_err(|e| fail(&e))?;
    }
    Ok(w.finish().map_err(|e| fail(&e))?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn files_come_back_out_of_the_archive_as_they_went_in() {
        let files = vec![
            ("Moscow attack.txt".to_string(), "At least 133 people were killed 👨‍👩‍👧.\n".to_string()),
            ("Moscow attack.ann".to_string(), "T1\tnumber 0 12\tAt least 133\n".to_string()),
            ("empty.ann".to_string(), String::new()),
        ];
        let bytes = zip(&files).unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), 3);
        for (i, (name, content)) in files.iter().enumerate() {
            let mut f = archive.by_index(i).unwrap();
            assert_eq!(f.name(), name);
            let mut back = String::new();
            f.read_to_string(&mut back).unwrap();
            assert_eq!(&back, content);
        }
    }
}
