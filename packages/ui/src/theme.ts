import {
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  rem,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core'

/**
 * Calm business palette. Shades 8–9 are dark enough for text on white and on the shade-0 tint
 * (WCAG AA ≥ 4.5:1); filled buttons use shade 8 with white text.
 */
const navy: MantineColorsTuple = [
  '#eef3f8',
  '#dce6f0',
  '#b6cadf',
  '#8daccd',
  '#6a92bd',
  '#547fb2',
  '#4874ad',
  '#386198',
  '#2e5689',
  '#1f4a79',
]

const red: MantineColorsTuple = [
  '#fff5f5',
  '#ffe3e3',
  '#ffc9c9',
  '#ffa8a8',
  '#ff8787',
  '#ff6b6b',
  '#fa5252',
  '#e03131',
  '#c92a2a',
  '#a61e1e',
]

const orange: MantineColorsTuple = [
  '#fff4e6',
  '#ffe8cc',
  '#ffd8a8',
  '#ffc078',
  '#ffa94d',
  '#ff922b',
  '#fd7e14',
  '#e8590c',
  '#c2410c',
  '#9a3412',
]

const green: MantineColorsTuple = [
  '#ebfbee',
  '#d3f9d8',
  '#b2f2bb',
  '#8ce99a',
  '#69db7c',
  '#51cf66',
  '#40c057',
  '#2f9e44',
  '#1f6f33',
  '#17592a',
]

/** Light variants (alerts, badges) use shade 9 for text: readable on the pale background. */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input)
  if (input.variant === 'light') {
    const parsed = parseThemeColor({
      color: input.color ?? input.theme.primaryColor,
      theme: input.theme,
    })
    if (parsed.isThemeColor && parsed.shade === undefined) {
      return { ...colors, color: `var(--mantine-color-${parsed.color}-9)` }
    }
  }
  return colors
}

/** BIZ UDPゴシック (proportional) for all text; Japanese system fonts while it loads. */
export const FONT_FAMILY =
  "'BIZ UDPGothic', 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Yu Gothic UI', Meiryo, sans-serif"

/**
 * BIZ UDゴシック (fixed width, Latin subset) for codes; anything else in a code context (there
 * should be nothing) falls back to BIZ UDPゴシック rather than to a font without Japanese.
 */
export const MONOSPACE_FONT_FAMILY =
  "'BIZ UDGothic', 'BIZ UDPGothic', ui-monospace, 'SFMono-Regular', Consolas, monospace"

export const theme = createTheme({
  primaryColor: 'navy',
  primaryShade: 8,
  colors: { navy, red, orange, green },
  variantColorResolver,
  fontFamily: FONT_FAMILY,
  fontFamilyMonospace: MONOSPACE_FONT_FAMILY,
  headings: {
    fontFamily: FONT_FAMILY,
    fontWeight: '700',
    sizes: {
      h1: { fontSize: rem(20), lineHeight: '1.4' },
      h2: { fontSize: rem(16), lineHeight: '1.4' },
      h3: { fontSize: rem(14), lineHeight: '1.4' },
    },
  },
  fontSizes: {
    xs: rem(12),
    sm: rem(13),
    md: rem(14),
    lg: rem(16),
    xl: rem(18),
  },
  lineHeights: { xs: '1.5', sm: '1.55', md: '1.6', lg: '1.6', xl: '1.6' },
  spacing: { xs: rem(8), sm: rem(12), md: rem(16), lg: rem(20), xl: rem(28) },
  defaultRadius: 'sm',
  radius: { xs: rem(2), sm: rem(4), md: rem(6), lg: rem(8), xl: rem(12) },
  focusRing: 'auto',
  cursorType: 'pointer',
  respectReducedMotion: true,
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
    PasswordInput: { defaultProps: { size: 'sm' } },
    Textarea: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm' } },
    FileInput: { defaultProps: { size: 'sm' } },
    Paper: { defaultProps: { radius: 'sm' } },
    Modal: { defaultProps: { radius: 'sm' } },
    Alert: { defaultProps: { radius: 'sm' } },
    Badge: { styles: { root: { textTransform: 'none', letterSpacing: 0 } } },
  },
})

/** WCAG AA for muted text and placeholders (Mantine's defaults are lighter than 4.5:1). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#545b63',
    '--mantine-color-placeholder': '#6b7280',
    '--mantine-color-text': '#1d2329',
    '--mantine-color-error': '#b42318',
  },
  dark: {},
})
