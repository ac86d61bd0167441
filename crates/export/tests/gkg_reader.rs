//! A reader of GDELT GKG 2.1 records written from the codebook (GDELT Global Knowledge Graph
//! Codebook V2.1, 2015-02-19), independent of the writer: it splits a record into its 27
//! tab-separated fields and each compound field into its blocks and parts by the codebook's
//! delimiters, checking the shape the codebook gives each one.

#![allow(dead_code)]

/// One parsed record.
#[derive(Debug, Default)]
pub struct Record {
    pub id: String,
    pub date: String,
    pub collection: u8,
    pub source_name: String,
    pub document: String,
    /// V2.1COUNTS: (type, count, object, offset).
    pub counts: Vec<(String, f64, String, usize)>,
    /// V2ENHANCEDLOCATIONS: (type, full name, country code, lat, lon, feature id, offset).
    pub locations: Vec<(u8, String, String, f64, f64, String, usize)>,
    /// V1LOCATIONS: full names.
    pub v1_locations: Vec<String>,
    /// V2ENHANCEDPERSONS / ORGANIZATIONS: (name, offset).
    pub persons: Vec<(String, usize)>,
    pub v1_persons: Vec<String>,
    pub organizations: Vec<(String, usize)>,
    /// V1.5TONE: tone, positive, negative, polarity, activity, self/group, word count.
    pub tone: Vec<Option<f64>>,
    /// V2.1ENHANCEDDATES: (resolution, month, day, year, offset).
    pub dates: Vec<(u8, u32, u32, i32, usize)>,
    /// V2.1QUOTATIONS: (offset, length, verb, quote).
    pub quotations: Vec<(usize, usize, String, String)>,
    /// V2.1ALLNAMES: (name, offset).
    pub names: Vec<(String, usize)>,
    /// V2.1AMOUNTS: (amount, object, offset).
    pub amounts: Vec<(f64, String, usize)>,
    pub extras: String,
}

fn blocks(field: &str, separator: char) -> impl Iterator<Item = &str> {
    field.split(separator).filter(|b| !b.is_empty())
}

fn number<T: std::str::FromStr>(s: &str, what: &str) -> Result<T, String> {
    s.parse()
        .map_err(|_| format!("{what}: {s:?} is not a number"))
}

/// A `name,offset` block (the offset after the last comma).
fn name_offset(block: &str) -> Result<(String, usize), String> {
    let (name, offset) = block
        .rsplit_once(',')
        .ok_or(format!("no offset in {block:?}"))?;
    Ok((name.to_string(), number(offset, "offset")?))
}

/// Parses one line of a GKG 2.1 file.
pub fn parse(line: &str) -> Result<Record, String> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() != 27 {
        return Err(format!("{} fields, the codebook has 27", f.len()));
    }
    let mut r = Record {
        id: f[0].into(),
        date: f[1].into(),
        collection: number(f[2], "V2SOURCECOLLECTIONIDENTIFIER")?,
        source_name: f[3].into(),
        document: f[4].into(),
        extras: f[26].into(),
        ..Record::default()
    };
    let (stamp, serial) = r.id.split_once('-').ok_or("GKGRECORDID has no dash")?;
    if stamp.len() != 14 || !stamp.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "GKGRECORDID {:?} does not start with YYYYMMDDHHMMSS",
            r.id
        ));
    }
    number::<u64>(serial.trim_start_matches('T'), "GKGRECORDID serial")?;
    if !(r.date.is_empty() || r.date.len() == 14) {
        return Err(format!("V2.1DATE {:?}", r.date));
    }
    if !(1..=6).contains(&r.collection) {
        return Err(format!("collection {}", r.collection));
    }
    for block in blocks(f[6], ';') {
        let parts: Vec<&str> = block.split('#').collect();
        if parts.len() != 11 {
            return Err(format!(
                "V2.1COUNTS block {block:?} has {} parts, not 11",
                parts.len()
            ));
        }
        r.counts.push((
            parts[0].into(),
            number(parts[1], "count")?,
            parts[2].into(),
            number(parts[10], "count offset")?,
        ));
    }
    for block in blocks(f[5], ';') {
        if block.split('#').count() != 10 {
            return Err(format!("V1COUNTS block {block:?}"));
        }
    }
    for block in blocks(f[9], ';') {
        let p: Vec<&str> = block.split('#').collect();
        if p.len() != 7 {
            return Err(format!(
                "V1LOCATIONS block {block:?} has {} parts, not 7",
                p.len()
            ));
        }
        r.v1_locations.push(p[1].into());
    }
    for block in blocks(f[10], ';') {
        let p: Vec<&str> = block.split('#').collect();
        if p.len() != 9 {
            return Err(format!(
                "V2ENHANCEDLOCATIONS block {block:?} has {} parts, not 9",
                p.len()
            ));
        }
        let kind: u8 = number(p[0], "location type")?;
        if !(1..=5).contains(&kind) {
            return Err(format!("location type {kind}"));
        }
        let (lat, lon): (f64, f64) = (number(p[5], "latitude")?, number(p[6], "longitude")?);
        if lat.abs() > 90.0 || lon.abs() > 180.0 {
            return Err(format!("coordinates {lat},{lon}"));
        }
        r.locations.push((
            kind,
            p[1].into(),
            p[2].into(),
            lat,
            lon,
            p[7].into(),
            number(p[8], "location offset")?,
        ));
    }
    r.v1_persons = blocks(f[11], ';').map(str::to_string).collect();
    r.persons = blocks(f[12], ';')
        .map(name_offset)
        .collect::<Result<_, _>>()?;
    r.organizations = blocks(f[14], ';')
        .map(name_offset)
        .collect::<Result<_, _>>()?;
    let tone: Vec<&str> = f[15].split(',').collect();
    if tone.len() != 7 {
        return Err(format!("V1.5TONE has {} values, not 7", tone.len()));
    }
    r.tone = tone.iter().map(|t| t.parse().ok()).collect();
    for block in blocks(f[16], ';') {
        let p: Vec<&str> = block.split('#').collect();
        if p.len() != 5 {
            return Err(format!("V2.1ENHANCEDDATES block {block:?}"));
        }
        r.dates.push((
            number(p[0], "resolution")?,
            number(p[1], "month")?,
            number(p[2], "day")?,
            number(p[3], "year")?,
            number(p[4], "date offset")?,
        ));
    }
    for block in blocks(f[22], '#') {
        let p: Vec<&str> = block.split('|').collect();
        if p.len() != 4 {
            return Err(format!(
                "V2.1QUOTATIONS block {block:?} has {} parts",
                p.len()
            ));
        }
        r.quotations.push((
            number(p[0], "quote offset")?,
            number(p[1], "quote length")?,
            p[2].into(),
            p[3].into(),
        ));
    }
    r.names = blocks(f[23], ';')
        .map(name_offset)
        .collect::<Result<_, _>>()?;
    for block in blocks(f[24], ';') {
        let p: Vec<&str> = block.split(',').collect();
        if p.len() != 3 {
            return Err(format!("V2.1AMOUNTS block {block:?}"));
        }
        r.amounts.push((
            number(p[0], "amount")?,
            p[1].into(),
            number(p[2], "amount offset")?,
        ));
    }
    Ok(r)
}
