/**
 * Sector lists of the shipped A-share panel (prices/manifest.yaml), by line of business, for the
 * clustered-date scenario: the same news day for a whole industry is where cross-sectional
 * correlation of abnormal returns breaks the independence the standard tests assume.
 */
export const SECTORS = {
  /** Optical modules, transceivers, laser chips and data-centre interconnect. */
  optical: [
    '300308.SZ', // 中际旭创
    '300394.SZ', // 天孚通信
    '300502.SZ', // 新易盛
    '300548.SZ', // 博创科技
    '300570.SZ', // 太辰光
    '002281.SZ', // 光迅科技
    '603083.SH', // 剑桥科技
    '688313.SH', // 仕佳光子
    '688498.SH', // 源杰科技
    '300913.SZ', // 兆龙互连
  ],
  /** Semiconductors: foundry, equipment, memory, analog / RF, AI and CPU / GPU design. */
  chips: [
    '688981.SH', // 中芯国际
    '688012.SH', // 中微公司
    '002371.SZ', // 北方华创
    '603986.SH', // 兆易创新
    '603501.SH', // 韦尔股份
    '300782.SZ', // 卓胜微
    '688256.SH', // 寒武纪
    '688041.SH', // 海光信息
    '688047.SH', // 龙芯中科
    '688521.SH', // 芯原股份
    '300223.SZ', // 北京君正
    '300474.SZ', // 景嘉微
    '002049.SZ', // 紫光国微
  ],
  /** Printed circuit boards and laminates. */
  pcb: [
    '002463.SZ', // 沪电股份
    '002916.SZ', // 深南电路
    '002938.SZ', // 鹏鼎控股
    '300476.SZ', // 胜宏科技
    '600183.SH', // 生益科技
    '603228.SH', // 景旺电子
  ],
  /** Servers, computing and network equipment, electronics manufacturing. */
  servers: [
    '000977.SZ', // 浪潮信息
    '603019.SH', // 中科曙光
    '601138.SH', // 工业富联
    '000938.SZ', // 紫光股份
    '000063.SZ', // 中兴通讯
    '000066.SZ', // 中国长城
    '000021.SZ', // 深科技
    '601231.SH', // 环旭电子
  ],
} as const satisfies Record<string, readonly string[]>;

export type SectorName = keyof typeof SECTORS;

/** The optical-module and chip names together: the AI-hardware core that moved as one in 2023. */
export const CHIPS_AND_OPTICAL: readonly string[] = [...SECTORS.chips, ...SECTORS.optical];

/** The whole AI-hardware supply chain of the panel (chips, optical, PCB, servers). */
export const AI_HARDWARE: readonly string[] = [...SECTORS.chips, ...SECTORS.optical, ...SECTORS.pcb, ...SECTORS.servers];
