//! Awards: the decisions a plan's folder records (`quyet-dinh/`), and the
//! awards a unit or person received before the records began
//! (`khen_thuong_truoc`). Together, across plans, they are the award
//! history that later years read.

use serde::{Deserialize, Serialize};

use crate::text::{Date, Id, Line};

/// A decision on awards (`quyet-dinh/`), as received from whoever granted
/// them (the body's head, a superior body): its number as printed, its date,
/// its issuer and whom it awarded what.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Number and symbol as the decision prints them: "45-QĐ/BTCTU".
    pub so: Line,
    pub ngay: Date,
    /// Who decided, as a sentence names them: "Trưởng Ban Tổ chức Tỉnh ủy".
    pub co_quan: Line,
    /// The proposal it answers, if it answers one of this plan's.
    #[serde(default)]
    pub to_trinh: Option<Id>,
    pub khen_thuong: Vec<Granted>,
}

/// One form of award (or title) and the units and people given it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Granted {
    /// "Giấy khen của Trưởng Ban Tổ chức Tỉnh ủy", "Lao động tiên tiến".
    pub hinh_thuc: Line,
    /// Ids of units and people, as their records are named.
    pub nguoi_nhan: Vec<Id>,
}

/// One award in a unit's or person's history: from a decision of an earlier
/// plan, or written in their record for the years before the records.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Award {
    pub nam: i32,
    pub hinh_thuc: Line,
    /// The decision's number: "12-QĐ/BTCTU".
    #[serde(default)]
    pub so: Option<Line>,
    #[serde(default)]
    pub ngay: Option<Date>,
    /// Who decided.
    #[serde(default)]
    pub co_quan: Option<Line>,
}

impl Decision {
    /// What the decision gave `id`, as entries of its history.
    pub fn awards_of<'a>(&'a self, id: &'a Id) -> impl Iterator<Item = Award> + 'a {
        self.khen_thuong
            .iter()
            .filter(move |g| g.nguoi_nhan.contains(id))
            .map(|g| Award {
                nam: chrono::Datelike::year(&self.ngay.0),
                hinh_thuc: g.hinh_thuc.clone(),
                so: Some(self.so.clone()),
                ngay: Some(self.ngay),
                co_quan: Some(self.co_quan.clone()),
            })
    }
}
