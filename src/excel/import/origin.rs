//! Where the investor comes from: `浙江省杭州市`, `境外·新加坡` → province, city, country.

use super::names::tidy;

#[derive(Default)]
pub(super) struct Place {
    pub(super) province: Option<String>,
    pub(super) city: Option<String>,
    pub(super) country: Option<String>,
}

impl Place {
    pub(super) fn is_empty(&self) -> bool {
        self.province.is_none() && self.city.is_none() && self.country.is_none()
    }
}

/// China's provinces by full name, as the content writes them.
pub(super) const PROVINCES: &[&str] = &[
    "北京市",
    "天津市",
    "上海市",
    "重庆市",
    "河北省",
    "山西省",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "海南省",
    "四川省",
    "贵州省",
    "云南省",
    "陕西省",
    "甘肃省",
    "青海省",
    "内蒙古自治区",
    "广西壮族自治区",
    "西藏自治区",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
];

/// 香港, 澳门 and 台湾 are recorded as 境外 (`origin.country`), as the sample content does.
pub(super) const REGIONS: &[&str] = &["香港", "澳门", "台湾"];

/// The short name of a province: 浙江省 → 浙江, 广西壮族自治区 → 广西.
pub(super) fn short(province: &str) -> &str {
    ["壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市"]
        .iter()
        .find_map(|s| province.strip_suffix(s))
        .unwrap_or(province)
}

/// A province column: `浙江` or `浙江省` → `浙江省`; 香港 etc. → `Err(country)`.
pub(super) fn province(value: &str) -> Result<String, String> {
    let v = tidy(value);
    if let Some(region) = REGIONS.iter().find(|r| v.starts_with(**r)) {
        return Err(region.to_string());
    }
    Ok(PROVINCES.iter().find(|p| **p == v || short(p) == v).map_or(v, |p| p.to_string()))
}

/// A 投资方来源 cell: `浙江省杭州市` → 浙江省 + 杭州市; `浙江杭州` → 浙江省 + 杭州; `香港`,
/// `新加坡`, `境外·新加坡` → country; `深圳市` → city only.
pub(super) fn parse_origin(value: &str) -> Place {
    let v = tidy(value);
    let v = v.trim_start_matches("境外").trim_start_matches(['·', ':', '：', '-', '/']).to_string();
    let rest = |s: &str| Some(s.trim_start_matches(['·', '/', '-', '、', ',', '，']).to_string()).filter(|s| !s.is_empty());
    if let Some(region) = REGIONS.iter().find(|r| v.starts_with(**r)) {
        return Place { country: Some(region.to_string()), ..Place::default() };
    }
    for p in PROVINCES {
        for prefix in [*p, short(p)] {
            if let Some(tail) = v.strip_prefix(prefix) {
                return Place { province: Some(p.to_string()), city: rest(tail), country: None };
            }
        }
    }
    if v.ends_with(['市', '县', '区', '州', '盟']) {
        return Place { city: Some(v), ..Place::default() };
    }
    Place { country: Some(v), ..Place::default() }
}
