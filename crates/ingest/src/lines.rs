//! Reading a file line by line with a bound on each line, so that a file of any size is read
//! in memory proportional to its longest accepted line: a line over the bound is passed over
//! (its length counted, its bytes dropped as they are read), not held.

use std::io::{self, BufRead};

/// One line of a file: its 1-based number, the byte offset of its start, and its bytes.
#[derive(Debug, PartialEq)]
pub struct NumberedLine {
    pub number: usize,
    pub offset: u64,
    pub line: Line,
}

#[derive(Debug, PartialEq)]
pub enum Line {
    /// The line's bytes, without its `\n` (a `\r` before it is kept).
    Read(Vec<u8>),
    /// A line longer than the bound: its length in bytes, without its `\n`.
    TooLong(u64),
}

/// The lines of `reader`, each at most `limit` bytes long.
pub struct Lines<R> {
    reader: R,
    limit: u64,
    number: usize,
    offset: u64,
}

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R, limit: u64) -> Self {
        Lines {
            reader,
            limit,
            number: 1,
            offset: 0,
        }
    }

    fn next_line(&mut self) -> io::Result<Option<NumberedLine>> {
        let mut bytes = Vec::new();
        let mut length: u64 = 0;
        let mut ended = false;
        let mut started = false;
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                break;
            }
            started = true;
            let (taken, used) = match memchr::memchr(b'\n', buf) {
                Some(i) => (i, i + 1),
                None => (buf.len(), buf.len()),
            };
            let within = length + taken as u64 <= self.limit;
            if within {
                bytes.extend_from_slice(&buf[..taken]);
            } else if !bytes.is_empty() {
                bytes = Vec::new();
            }
            length += taken as u64;
            self.reader.consume(used);
            if used > taken {
                ended = true;
                break;
            }
        }
        if !started {
            return Ok(None);
        }
        let line = NumberedLine {
            number: self.number,
            offset: self.offset,
            line: if length > self.limit {
                Line::TooLong(length)
            } else {
                Line::Read(bytes)
            },
        };
        self.number += 1;
        self.offset += length + u64::from(ended);
        Ok(Some(line))
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = io::Result<NumberedLine>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_line().transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], limit: u64, buffer: usize) -> Vec<(usize, u64, Line)> {
        let reader = io::BufReader::with_capacity(buffer, input);
        Lines::new(reader, limit)
            .map(|l| l.unwrap())
            .map(|l| (l.number, l.offset, l.line))
            .collect()
    }

    #[test]
    fn lines_are_numbered_and_bounded_whatever_the_buffer() {
        let input = b"one\r\n\nthree is long\nfour";
        for buffer in [1, 2, 3, 7, 64] {
            assert_eq!(
                lines(input, 5, buffer),
                vec![
                    (1, 0, Line::Read(b"one\r".to_vec())),
                    (2, 5, Line::Read(Vec::new())),
                    (3, 6, Line::TooLong(13)),
                    (4, 20, Line::Read(b"four".to_vec())),
                ],
                "buffer {buffer}"
            );
        }
        assert!(lines(b"", 5, 8).is_empty());
        assert_eq!(lines(b"x\n", 5, 8), vec![(1, 0, Line::Read(b"x".to_vec()))]);
        assert_eq!(
            lines(b"12345\n", 5, 2),
            vec![(1, 0, Line::Read(b"12345".to_vec()))]
        );
    }
}
